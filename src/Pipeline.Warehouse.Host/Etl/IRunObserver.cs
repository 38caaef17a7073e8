using Pipeline.Warehouse.Models;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>Told what the run is doing: a progress display on a terminal, log lines otherwise.</summary>
public interface IRunObserver
{
    /// <summary>The dialect the exports are read in, and why: named by --dialect, or recognised from the headers.</summary>
    void DialectChosen(string dialect, string reason)
    {
    }

    void PhaseStarted(string phase);

    void PhaseFinished(string phase, TimeSpan elapsed);

    void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed);

    void ModelBuilt(ModelResult model);

    /// <summary>A data test ran (passed or not): where the data tests' time goes.</summary>
    void DataTested(DataTestResult test)
    {
    }
}
