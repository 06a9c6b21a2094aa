using System.Collections.Generic;

namespace Amazon.Lambda.LexEvents;

public class LexActiveContext
{
    public TimeToLive TimeToLive { get; set; }

    public string Name { get; set; }

    public IDictionary<string, string> Parameters { get; set; }
}

public class TimeToLive
{
    public int TimeToLiveInSeconds { get; set; }

    public int TurnsToLive { get; set; }
}
