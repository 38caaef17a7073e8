namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Stage-by-stage conversion and dwell times. Base rates per canonical stage are shaped by the
/// lead type (early and late multipliers, speed). A legacy step that spans several canonical
/// stages converts at their product and takes their summed time.
/// </summary>
internal sealed class ConversionModel
{
    // By canonical order 1..8 (index 0 unused); from negotiation (8) the rate is the win rate.
    private static readonly double[] BaseAdvance = [0, 0.97, 0.95, 0.94, 0.93, 0.90, 0.89, 0.88, 0.52];
    private static readonly double[] BaseMedianDays = [0, 3, 5, 7, 6, 10, 12, 14, 16];
    private const double MaxAdvance = 0.985;

    private readonly StepModel[] modern;
    private readonly StepModel[] legacy;

    public ConversionModel()
    {
        modern = Build(SalesPipeline.Modern);
        legacy = Build(SalesPipeline.Legacy);
    }

    public StepModel For(SalesPipeline pipeline, int leadType) => pipeline.IsLegacy ? legacy[leadType] : modern[leadType];

    private static StepModel[] Build(SalesPipeline pipeline)
    {
        var models = new StepModel[LeadTypeProfile.All.Length];
        for (int l = 0; l < models.Length; l++)
        {
            LeadTypeProfile profile = LeadTypeProfile.All[l];
            int steps = pipeline.Stages.Length;
            var advance = new double[steps];
            var median = new double[steps];
            for (int s = 0; s < steps; s++)
            {
                int from = pipeline.Stages[s];
                int to = s + 1 < steps ? pipeline.Stages[s + 1] : from + 1;
                double p = 1;
                double days = 0;
                for (int stage = from; stage < to; stage++)
                {
                    double factor = stage <= StageLabels.Opportunity ? profile.Early : profile.Late;
                    p *= Math.Min(MaxAdvance, BaseAdvance[stage] * factor);
                    days += BaseMedianDays[stage];
                }

                advance[s] = p;
                median[s] = days * profile.Speed;
            }

            models[l] = new StepModel(advance, median);
        }

        return models;
    }
}
