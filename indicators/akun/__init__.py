"""Accounts: users, roles, regional scope, password hashing and login limits."""
