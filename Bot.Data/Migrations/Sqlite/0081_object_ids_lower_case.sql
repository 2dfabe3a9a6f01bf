-- Entra object ids are stored in lower case (Teams' spelling) so a person is found by a plain equality on the UNIQUE
-- column, which its index serves, and two spellings of one id cannot both be stored. Ids written before in capitals
-- (by a roster) are lowered here, except where lowering would collide with another person's id: those stay as they
-- are, and the bot warns about them at every start until an admin sorts them out.
UPDATE people SET teams_user_id = lower(teams_user_id)
WHERE teams_user_id <> lower(teams_user_id)
  AND NOT EXISTS (
      SELECT 1 FROM people other
      WHERE other.id <> people.id AND lower(other.teams_user_id) = lower(people.teams_user_id));
