"""`python -m bench`: venuekit's speed and memory measured side by side with ccxt, against fixed targets."""
