namespace Amazon.Lambda.CloudWatchEvents.ScheduledEvents;

public class ScheduledEvent : CloudWatchEvent<Detail>
{
}
