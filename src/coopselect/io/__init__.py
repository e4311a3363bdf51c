"""Loading and validation: where files enter, they are checked once."""
