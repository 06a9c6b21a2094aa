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

    // Quick reject before the dictionary: for an ASCII first character, one bit per word length (mod 64).
    private readonly ulong[] _lengthsByFirst = new ulong[128];
    private bool _hasNonAsciiFirst;
    private readonly string[] _fragments;
    private readonly int _fragmentMinLength;

    /// <param name="words">Whole identifiers to find.</param>
    /// <param name="fragments">Parts of identifiers (<c>Route</c> in <c>GetRouteFor</c>): an identifier longer than
    /// <paramref name="fragmentMinLength"/> that contains one is a hit too. Found with a vectorized search of the whole
    /// text, so files without them cost nothing extra.</param>
    /// <param name="fragmentMinLength">Identifiers this long or shorter never match a fragment.</param>
    public WordSet(IEnumerable<string> words, IEnumerable<string>? fragments = null, int fragmentMinLength = 0)
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

            if (word[0] < 128)
            {
                _lengthsByFirst[word[0]] |= 1UL << (word.Length & 63);
            }
            else
            {
                _hasNonAsciiFirst = true;
            }
        }

        _fragments = fragments is null ? Array.Empty<string>() : System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Where(fragments, f => !string.IsNullOrEmpty(f)));
        _fragmentMinLength = fragmentMinLength;
    }

    internal IReadOnlyList<string> Fragments => _fragments;

    internal int FragmentMinLength => _fragmentMinLength;

    public bool IsEmpty => _byShape.Count == 0 && _fragments.Length == 0;

    // AggressiveOptimization (not in netstandard2.0's enum; .NET Core honours it, .NET Framework ignores it): in a
    // build, csc runs our code once per process, so the scan's loops would otherwise run as unoptimized tier-0 code.
    [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)]
    public bool Contains(char[] text, int start, int length)
    {
        if (!MayContain(text[start], length))
        {
            return false;
        }

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

        return false;
    }

    /// <summary>The quick reject, inlined into the scan: most identifiers fail it, and a call per identifier showed in build profiles.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool MayContain(char first, int length)
        => first < 128 ? (_lengthsByFirst[first] & (1UL << (length & 63))) != 0 : _hasNonAsciiFirst;

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
        => Within(tree, span, cancellationToken).Count > 0;

    /// <summary>Where words of the set start inside <paramref name="span"/> of <paramref name="tree"/>, ascending.</summary>
    public ArraySegment<int> Within(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        var hits = Get(tree, cancellationToken);
        if (hits.Length == 0)
        {
            return new ArraySegment<int>(hits);
        }

        var first = LowerBound(hits, span.Start);
        var end = LowerBound(hits, span.End);
        return new ArraySegment<int>(hits, first, end - first);
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index < 0 ? ~index : index;
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

    [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization, see WordSet.Contains
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

                if (words.MayContain(c, i - start) && words.Contains(text, start, i - start))
                {
                    hits.Add(start);
                }
            }

            if (words.Fragments.Count > 0)
            {
                AddFragmentHits(text, length, words, hits);
            }

            return hits.Count == 0 ? Array.Empty<int>() : hits.ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(text);
        }
    }

    /// <summary>Identifiers containing a fragment: each occurrence found by a vectorized search, then widened to its identifier.</summary>
    private static void AddFragmentHits(char[] text, int length, WordSet words, List<int> hits)
    {
        var added = false;
        var span = new ReadOnlySpan<char>(text, 0, length);
        foreach (var fragment in words.Fragments)
        {
            var from = 0;
            while (from < length)
            {
                var found = span.Slice(from).IndexOf(fragment.AsSpan(), StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                var at = from + found;
                var start = at;
                while (start > 0 && IsIdentifierPart(text[start - 1]))
                {
                    start--;
                }

                var end = at + fragment.Length;
                while (end < length && IsIdentifierPart(text[end]))
                {
                    end++;
                }

                if (IsIdentifierStart(text[start]) && end - start > words.FragmentMinLength)
                {
                    hits.Add(start);
                    added = true;
                }

                from = end;
            }
        }

        if (added)
        {
            hits.Sort();
            var write = 0;
            for (var read = 0; read < hits.Count; read++)
            {
                if (write == 0 || hits[write - 1] != hits[read])
                {
                    hits[write++] = hits[read];
                }
            }

            hits.RemoveRange(write, hits.Count - write);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentifierStart(char c)
        => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && char.IsLetter(c));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentifierPart(char c)
        => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c > 127 && char.IsLetterOrDigit(c));
}
