"""The maps that ship with argmap (installed as the package ``argmap.data``)."""
