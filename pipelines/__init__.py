"""Ingestion steps as plain functions; the Prefect flow composes them."""
