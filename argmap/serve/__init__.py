"""Serving maps over HTTP on the loopback interface (``argmap watch``)."""
