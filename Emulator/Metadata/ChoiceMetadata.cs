using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>One option of a choice: its value, label and, for status reasons, the state it belongs to.</summary>
public sealed record ChoiceOption(int Value, string Label, int? State = null);

/// <summary>A choice (option set), local to a column or global (shared by name).</summary>
public sealed class ChoiceMetadata
{
    private readonly Dictionary<int, ChoiceOption> byValue;

    public ChoiceMetadata(string name, bool isGlobal, IEnumerable<ChoiceOption> options)
    {
        Name = name;
        IsGlobal = isGlobal;
        Options = options.ToArray();
        byValue = new Dictionary<int, ChoiceOption>();
        foreach (var option in Options)
        {
            if (!byValue.TryAdd(option.Value, option))
            {
                throw new ArgumentException($"Choice '{name}' declares the value {option.Value} twice; each option needs its own value.");
            }
        }
    }

    public string Name { get; }

    public bool IsGlobal { get; }

    public IReadOnlyList<ChoiceOption> Options { get; }

    public bool Contains(int value) => byValue.ContainsKey(value);

    public ChoiceOption? Find(int value) => byValue.TryGetValue(value, out var option) ? option : null;

    /// <summary>"1,2,3": the list Dataverse prints after "Accepted Values:".</summary>
    public string AcceptedValues => string.Join(",", Options.Select(o => o.Value));
}
