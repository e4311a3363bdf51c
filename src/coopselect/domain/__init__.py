"""Domain model: plain, immutable data shared by every layer."""
