-- The run log of the warehouse. The loader creates these tables in every new warehouse file and
-- copies the rows earlier runs left, so meta.* is the history of every successful run.
create schema if not exists meta;

create table if not exists meta.etl_run (
    load_id integer primary key,
    started_at timestamp not null,
    finished_at timestamp not null,
    as_of date not null,
    status varchar not null,
    input_files integer not null,
    rows_loaded bigint not null,
    rows_rejected bigint not null,
    message varchar
);
comment on table meta.etl_run is 'One row per successful run of the nightly job. A run that fails leaves the warehouse as it was, so it is not here (see the job''s log).';
comment on column meta.etl_run.load_id is 'The run''s id; core tables carry the load_id of the run that built them.';
comment on column meta.etl_run.started_at is 'When the run started (UTC).';
comment on column meta.etl_run.finished_at is 'When the run finished writing the warehouse (UTC).';
comment on column meta.etl_run.as_of is 'The as-of date of the run; its instant T is the start of the next day (UTC).';
comment on column meta.etl_run.status is 'succeeded (a failed run leaves no row).';
comment on column meta.etl_run.input_files is 'Number of input files read.';
comment on column meta.etl_run.rows_loaded is 'Data rows loaded, over all files.';
comment on column meta.etl_run.rows_rejected is 'Data rows rejected, over all files (see meta.rejected_row).';
comment on column meta.etl_run.message is 'Summary of the run: dialect, input folder, duplicates, unknown labels.';

create table if not exists meta.load_file (
    load_id integer not null,
    file varchar not null,
    dialect varchar not null,
    sha256 varchar not null,
    rows bigint not null,
    loaded bigint not null,
    rejected bigint not null,
    duplicates bigint not null,
    primary key (load_id, file)
);
comment on table meta.load_file is 'One row per input file per run: loaded + rejected + duplicates = rows.';
comment on column meta.load_file.load_id is 'The run (meta.etl_run).';
comment on column meta.load_file.file is 'File name as found in the input folder.';
comment on column meta.load_file.dialect is 'Export dialect the file was read as (canonical, salesforce, hubspot, mapping).';
comment on column meta.load_file.sha256 is 'SHA-256 of the file''s bytes, hex.';
comment on column meta.load_file.rows is 'Data rows (records after the header; blank lines are not rows).';
comment on column meta.load_file.loaded is 'Rows loaded.';
comment on column meta.load_file.rejected is 'Rows rejected (meta.rejected_row).';
comment on column meta.load_file.duplicates is 'Rows identical in every field to an earlier row of the same key (or, in a file without a key, to an earlier row): counted, not loaded again.';

create table if not exists meta.rejected_row (
    load_id integer not null,
    file varchar not null,
    line bigint not null,
    "column" varchar,
    value varchar,
    reason varchar not null
);
comment on table meta.rejected_row is 'Every rejected input row, once, for its first problem.';
comment on column meta.rejected_row.load_id is 'The run (meta.etl_run).';
comment on column meta.rejected_row.file is 'File name as found in the input folder.';
comment on column meta.rejected_row.line is 'Physical line on which the record starts; the header is line 1.';
comment on column meta.rejected_row."column" is 'The column with the problem, as named in the file''s header; NULL when the whole record is malformed.';
comment on column meta.rejected_row.value is 'The offending value as text (the whole record when it is malformed).';
comment on column meta.rejected_row.reason is 'What is wrong and how to fix it.';
