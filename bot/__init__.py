"""The machinery every capability uses: models, router, context, core, settings, i18n,
HTTP server, scheduler wiring, delivery (outbox worker, rate limits), calendar helpers,
the CLI and the platform adapters. The kernel imports no capability."""
