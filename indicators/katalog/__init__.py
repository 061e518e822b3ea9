"""The declarative KLA catalogue: typed models and the YAML files beside them."""
