namespace Pipeline.Warehouse.Demo;

/// <summary>
/// For one pipeline and lead type, per open step: the chance a deal moves on (from the last step:
/// the chance it is won) and the median days it stays before that decision.
/// </summary>
internal sealed record StepModel(double[] Advance, double[] MedianDays);
