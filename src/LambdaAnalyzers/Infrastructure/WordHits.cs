using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Infrastructure;

/// <summary>
/// A set of identifier-like words, matched against a string range without allocating.
/// </summary>
internal sealed class WordSet
{
    private readonly Dictionary<int, List<string>> _byShape = new();
    private readonly Func<string, int, int, bool>? _extra;

    public WordSet(IEnumerable<string> words, Func<string, int, int, bool>? extra = null)
    {
        foreach (var word in words)
        {
            if (string.IsNullOrEmpty(word))
            {
                continue;
            }

            var key = Shape(word[0], word.Length);
            if (!_byShape.TryGetValue(key, out var list))
            {
                list = new List<string>();
                _byShape[key] = list;
            }

            if (!list.Contains(word))
            {
                list.Add(word);
            }
        }

        _extra = extra;
    }

    public bool IsEmpty => _byShape.Count == 0 && _extra is null;

    public bool Contains(string text, int start, int length)
    {
        if (_byShape.TryGetValue(Shape(text[start], length), out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (string.CompareOrdinal(text, start, candidate, 0, length) == 0)
                {
                    return true;
                }
            }
        }

        return _extra is not null && _extra(text, start, length);
    }

    private static int Shape(char first, int length) => (length << 16) | first;
}

/// <summary>
/// Where the words of a <see cref="WordSet"/> occur in a syntax tree, found by one scan of the source text — no
/// syntax node is created or visited. Rules use it as their pre-filter: a member whose span holds no hit cannot be
/// a finding, so neither its syntax nor its semantics are looked at. (Walking every body's nodes costs about as
/// much as an analyzer that visits every node; the text scan is a small fraction of that.) Hits in comments and
/// strings are possible; they only let a member through to the real check.
/// </summary>
internal sealed class WordHits
{
    private readonly ConcurrentDictionary<SyntaxTree, int[]> _hits = new();
    private readonly Func<SyntaxTree, CancellationToken, WordSet?> _wordsFor;

    public WordHits(Func<SyntaxTree, CancellationToken, WordSet?> wordsFor) => _wordsFor = wordsFor;

    /// <summary>True when a word of the set starts inside <paramref name="span"/> of <paramref name="tree"/>.</summary>
    public bool AnyWithin(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        var hits = _hits.GetOrAdd(tree, t => Scan(t, _wordsFor(t, cancellationToken), cancellationToken));
        if (hits.Length == 0)
        {
            return false;
        }

        var index = Array.BinarySearch(hits, span.Start);
        if (index < 0)
        {
            index = ~index;
        }

        return index < hits.Length && hits[index] < span.End;
    }

    internal static int[] Scan(SyntaxTree tree, WordSet? words, CancellationToken cancellationToken)
    {
        if (words is null || words.IsEmpty)
        {
            return Array.Empty<int>();
        }

        var text = tree.GetText(cancellationToken).ToString();
        List<int>? hits = null;
        var length = text.Length;
        var i = 0;
        while (i < length)
        {
            var c = text[i];
            if (!IsIdentifierStart(c))
            {
                i++;
                continue;
            }

            var start = i++;
            while (i < length && IsIdentifierPart(text[i]))
            {
                i++;
            }

            if (words.Contains(text, start, i - start))
            {
                (hits ??= new List<int>()).Add(start);
            }
        }

        return hits is null ? Array.Empty<int>() : hits.ToArray();
    }

    private static bool IsIdentifierStart(char c)
        => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && char.IsLetter(c));

    private static bool IsIdentifierPart(char c)
        => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c > 127 && char.IsLetterOrDigit(c));
}
