"""Background work for actions: thin tasks taking ids and calling services.

The double opt-in email is no task of ours any more: take_action queues it in the outbox
(groundswell.messaging), whose tasks send it.
"""
