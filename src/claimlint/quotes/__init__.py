"""Quotation marks in prose: which characters are quote marks and which way each faces
(`marks`), how they pair within a paragraph (`pairing`), text glued on after a closing
quote (`boundary`) and the mix of typographic styles in a document (`styles`)."""
