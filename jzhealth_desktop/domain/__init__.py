"""Pure domain code: catalogue, org units, values, rules, aggregation, number formatting. No I/O, no Qt."""
