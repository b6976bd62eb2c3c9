"""Demo data for `groundswell seed`: people in thirteen countries, a year of what they did, who
recruited whom, and the team tree.

`plan` decides everything in memory (deterministic for a seed); `write` puts a plan into the
database; `demo` makes the demo log-ins. Import the submodules, not this package: `write` and
`demo` load the domain apps' models, which core itself must not depend on.
"""
