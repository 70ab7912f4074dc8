NESTED = 'nested package'
