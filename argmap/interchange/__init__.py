"""Reading and writing other formats: Argdown JSON, AIF, Kialo, GraphML, Mermaid, Argdown."""
