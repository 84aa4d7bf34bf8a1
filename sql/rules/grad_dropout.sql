-- esea/grad_dropout.csv row rules (DATA-CONTRACT.md 4).

-- @rule E-RANGE error graduates
-- @message Graduates are reported on a row other than grade 12.
graduates <> 0 AND grade <> '12'
