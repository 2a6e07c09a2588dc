"""Output for people: the monthly digest, RSS feeds and the Datasette plugin that serves them."""
