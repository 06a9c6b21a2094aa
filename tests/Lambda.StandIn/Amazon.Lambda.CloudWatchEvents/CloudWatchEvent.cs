using System;
using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents;

public class CloudWatchEvent<T>
{
    public string Version { get; set; }

    public string Account { get; set; }

    public string Region { get; set; }

    public T Detail { get; set; }

    public string DetailType { get; set; }

    public string Source { get; set; }

    public DateTime Time { get; set; }

    public string Id { get; set; }

    public List<string> Resources { get; set; }
}
