"""``argmap mcp``: argmap's analyses as Model Context Protocol tools, over stdio.

:mod:`argmap.mcp.access` decides which files a server may read and write;
:mod:`argmap.mcp.tools` holds the tools as plain functions returning the command line's
``--json`` shapes; :mod:`argmap.mcp.server` registers them with the ``mcp`` SDK.
Only the server module needs the SDK.
"""
