"""Which claims stand: argumentation frameworks and their semantics."""
