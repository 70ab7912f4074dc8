__all__ = ['exported', 'also_exported']
exported = 'exported value'
also_exported = 'also'
not_exported = 'hidden by __all__'
