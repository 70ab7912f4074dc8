//! Tokenizer: source text to tokens, with INDENT/DEDENT and implicit line joining.
