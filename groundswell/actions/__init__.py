"""Public action pages (petition, letter, pledge, download, share) and the signature hot path.

Others call `services.take_action` and `services.confirm_submission`; read counts with
`counters.live_count`.
"""
