-- The best price (V162: issue 16). A pick is taken at the best line and price for its side among the books at the
-- prediction time; prediction.line_* hold that quote (its book in line_book). Beside it, what a one-book bettor
-- (the first book of predict.book_priority) would have done at the same time, so evaluate can set the two side by side.
ALTER TABLE prediction ADD COLUMN single_book VARCHAR;
ALTER TABLE prediction ADD COLUMN single_line DOUBLE PRECISION;
ALTER TABLE prediction ADD COLUMN single_recommendation VARCHAR;   -- OVER, UNDER or PASS at the single book's line
ALTER TABLE prediction ADD COLUMN single_price INTEGER;            -- American price of that side at the single book
ALTER TABLE prediction ADD COLUMN single_expected_value DOUBLE PRECISION;
ALTER TABLE prediction_grade ADD COLUMN single_result VARCHAR;     -- WIN, LOSS, PUSH, VOID or NO_PICK of the single-book pick
ALTER TABLE prediction_grade ADD COLUMN single_profit_units DOUBLE PRECISION;
