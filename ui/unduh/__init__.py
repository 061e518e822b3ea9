"""Download buttons: images and packs, tables."""
