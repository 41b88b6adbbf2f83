"""Reading what members type (dates and times first): pure functions of the text and the
moment, refusing with :class:`bot.router.Invalid` so the core answers in the reader's
language. Kernel code: it imports no capability and no platform library."""
