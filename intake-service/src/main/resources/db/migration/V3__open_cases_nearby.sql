-- Duplicate suspicion looks for an open case of the same matter within ~100 m accepted in the last 24 h. Through
-- (category, accepted_at) that read a busy matter's whole day (6,668 rows, 5-11 ms, in a 1M-case ledger with 33k
-- cases a day); through the 100-m latitude band of the open cases it reads a few dozen (0.4-0.5 ms).
create index intake_case_open_near on intake_case (category, latitude, accepted_at) where case_status = 'open';
