using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// Events declared by resources that point at a function (function URLs, event source mappings, permissions, load
/// balancer targets, API integrations), indexed once by what they point with: a reference to the function's
/// logical id / resource name, or its literal function name. Lets a model attach them to every function in
/// linear time.
/// </summary>
internal sealed class LinkedEventIndex
{
    private readonly Dictionary<string, List<EventSourceDefinition>> _byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EventSourceDefinition>> _byName = new(StringComparer.Ordinal);

    /// <summary>Indexes an event under the literal name or the references of <paramref name="target"/>.</summary>
    public void Add(TemplateNode? target, Func<TemplateNode, IEnumerable<string>> references, EventSourceDefinition ev)
    {
        if (target is null)
        {
            return;
        }

        if (target.IsLiteral)
        {
            Add(_byName, target.Value ?? string.Empty, ev);
            return;
        }

        foreach (var id in references(target))
        {
            Add(_byReference, id, ev);
        }
    }

    /// <summary>Adds the events that point at a function, in file order, each once.</summary>
    public void AddTo(string reference, string? name, ImmutableArray<EventSourceDefinition>.Builder events)
    {
        var found = new List<EventSourceDefinition>();
        if (_byReference.TryGetValue(reference, out var referenced))
        {
            found.AddRange(referenced);
        }

        if (name is not null && _byName.TryGetValue(name, out var named))
        {
            found.AddRange(named);
        }

        found.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        EventSourceDefinition? previous = null;
        foreach (var ev in found)
        {
            if (!ReferenceEquals(ev, previous))
            {
                events.Add(ev);
            }

            previous = ev;
        }
    }

    private static void Add(Dictionary<string, List<EventSourceDefinition>> index, string key, EventSourceDefinition ev)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index.Add(key, list = new List<EventSourceDefinition>());
        }

        list.Add(ev);
    }
}
