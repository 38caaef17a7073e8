/*
description: Every rejected input row of every file, with the canonical column, the value and a
  reason. The loader turns ordinals into physical lines, the column into the user's own header,
  and fills {related_file} / {related_line} / {related_reason} from the row named by related_table and
  related_ordinal.
  Grain: rejected input record.
*/
select 'reps' as source_table, ordinal, problem_column as column_name, problem_value as value, problem_reason as reason, 'reps' as related_table, related_ordinal
from int_reps_checked where outcome = 'rejected' and not is_synthesized
union all
select 'deals', ordinal, problem_column, problem_value, problem_reason, 'deals', related_ordinal
from int_deals_checked where outcome = 'rejected'
union all
select 'stage_history', ordinal, problem_column, problem_value, problem_reason, 'deals', related_ordinal
from int_stage_history_checked where outcome = 'rejected'
union all
select 'quotas', ordinal, problem_column, problem_value, problem_reason, 'quotas', related_ordinal
from int_quotas_checked where outcome = 'rejected'
