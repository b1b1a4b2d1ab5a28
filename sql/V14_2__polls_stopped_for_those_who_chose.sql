-- A customer who already chose which emails to keep (stopped at least one purpose on the preferences page) was never
-- offered polls: they keep what they chose, so polls are stopped for them too until they turn them on there. Those who
-- never chose keep every purpose, polls included. purposes_stopped_at stays the moment of their own choice.
-- Safe beside an older instance only once every instance knows POLLS (docs/operations.md §5).
UPDATE customer
   SET stopped_purposes = CONCAT(stopped_purposes, ',POLLS')
 WHERE stopped_purposes <> ''
   AND NOT FIND_IN_SET('POLLS', stopped_purposes);
