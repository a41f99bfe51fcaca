-- How a job's training ended when that is worth saying (stopped early, or stopped because its
-- losses were no longer finite) and which epoch's weights the model keeps. A succeeded job's
-- message is built from it, whichever path records the success (the worker, or the sweep that
-- ends a delivered job), so it is kept on the job, not only in a progress message.
ALTER TABLE training.jobs ADD COLUMN training_outcome text;
