"""Platform adapters. Only modules in this package import platform libraries."""
