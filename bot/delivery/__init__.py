"""Delivery: the outbox worker, per-platform rate limits, the notifier that queues rows,
and the errors adapters raise so the worker knows whether to retry, wait or give up."""
