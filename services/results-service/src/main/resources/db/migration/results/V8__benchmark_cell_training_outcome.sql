-- How a succeeded cell's training ended (every epoch, stopped early, or stopped where its losses
-- stopped being finite) and which epoch's weights the model keeps, as its training job says it. A
-- benchmark's table shows it beside the cell's metrics, which come from those weights.
ALTER TABLE results.benchmark_cells ADD COLUMN training_outcome text;
