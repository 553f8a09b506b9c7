"""Sub-commands of the ``jzhealth`` CLI, one module per feature; each exposes ``register(subparsers)``."""
