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
    private readonly Func<char[], int, int, bool>? _extra;

    public WordSet(IEnumerable<string> words, Func<char[], int, int, bool>? extra = null)
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

    public bool Contains(char[] text, int start, int length)
    {
        if (_byShape.TryGetValue(Shape(text[start], length), out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (Equals(text, start, candidate))
                {
                    return true;
                }
            }
        }

        return _extra is not null && _extra(text, start, length);
    }

    /// <summary>Whether <paramref name="word"/> occurs in <c>text[start..start+length)</c> (ordinal).</summary>
    public static bool Occurs(char[] text, int start, int length, string word)
    {
        for (var i = start; i + word.Length <= start + length; i++)
        {
            if (text[i] == word[0] && Equals(text, i, word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Equals(char[] text, int start, string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (text[start + i] != word[i])
            {
                return false;
            }
        }

        return true;
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
    private readonly Func<SyntaxTree, CancellationToken, WordSet?> _wordsFor;
    private readonly Dictionary<SyntaxTree, int>? _slotOf;
    private readonly int[]?[] _slots;
    private readonly ConcurrentDictionary<SyntaxTree, int[]> _others = new();

    /// <param name="trees">The compilation's trees: each gets a slot, so lookups and stores take no lock.</param>
    public WordHits(Func<SyntaxTree, CancellationToken, WordSet?> wordsFor, IEnumerable<SyntaxTree>? trees = null)
    {
        _wordsFor = wordsFor;
        if (trees is not null)
        {
            _slotOf = new Dictionary<SyntaxTree, int>();
            foreach (var tree in trees)
            {
                if (!_slotOf.ContainsKey(tree))
                {
                    _slotOf[tree] = _slotOf.Count;
                }
            }
        }

        _slots = new int[]?[_slotOf?.Count ?? 0];
    }

    /// <summary>True when a word of the set starts inside <paramref name="span"/> of <paramref name="tree"/>.</summary>
    public bool AnyWithin(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        var hits = Get(tree, cancellationToken);
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

    private int[] Get(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_slotOf is not null && _slotOf.TryGetValue(tree, out var slot))
        {
            // Two callbacks of one file may scan it at the same time; both get the same answer, one is kept.
            return Volatile.Read(ref _slots[slot])
                   ?? Interlocked.CompareExchange(ref _slots[slot], Scan(tree, _wordsFor(tree, cancellationToken), cancellationToken), null)
                   ?? _slots[slot]!;
        }

        return _others.GetOrAdd(tree, t => Scan(t, _wordsFor(t, cancellationToken), cancellationToken));
    }

    internal static int[] Scan(SyntaxTree tree, WordSet? words, CancellationToken cancellationToken)
    {
        if (words is null || words.IsEmpty)
        {
            return Array.Empty<int>();
        }

        var source = tree.GetText(cancellationToken);
        var length = source.Length;
        var text = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, length));
        try
        {
            source.CopyTo(0, text, 0, length);
            var hits = new List<int>();
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
                    hits.Add(start);
                }
            }

            return hits.Count == 0 ? Array.Empty<int>() : hits.ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(text);
        }
    }

    private static bool IsIdentifierStart(char c)
        => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && char.IsLetter(c));

    private static bool IsIdentifierPart(char c)
        => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c > 127 && char.IsLetterOrDigit(c));
}
