using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>
/// The state of a workflow, a number on the wire (0 created … 6 deleted). Values the server adds later are kept as
/// they are and never throw.
/// </summary>
[JsonConverter(typeof(Converter))]
public readonly struct WorkflowStatus : IEquatable<WorkflowStatus>
{
    /// <summary>Creates a value from its wire number.</summary>
    /// <param name="value">The wire number.</param>
    public WorkflowStatus(int value) => Value = value;

    /// <summary>0: created, not launched.</summary>
    public static WorkflowStatus Created { get; } = new(0);

    /// <summary>1: launched, in progress.</summary>
    public static WorkflowStatus Launched { get; } = new(1);

    /// <summary>2: completed (every action done).</summary>
    public static WorkflowStatus Completed { get; } = new(2);

    /// <summary>3: expired.</summary>
    public static WorkflowStatus Expired { get; } = new(3);

    /// <summary>4: created from a template, not launched.</summary>
    public static WorkflowStatus CreatedFromTemplate { get; } = new(4);

    /// <summary>5: declined by a signer.</summary>
    public static WorkflowStatus Declined { get; } = new(5);

    /// <summary>6: deleted.</summary>
    public static WorkflowStatus Deleted { get; } = new(6);

    /// <summary>The wire number.</summary>
    public int Value { get; }

    /// <summary>Whether the workflow can no longer change: completed, declined, expired or deleted.</summary>
    public bool IsTerminal => this == Completed || this == Declined || this == Expired || this == Deleted;

    /// <summary>Equality.</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(WorkflowStatus left, WorkflowStatus right) => left.Value == right.Value;

    /// <summary>Inequality.</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both differ.</returns>
    public static bool operator !=(WorkflowStatus left, WorkflowStatus right) => left.Value != right.Value;

    /// <inheritdoc />
    public bool Equals(WorkflowStatus other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WorkflowStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <inheritdoc />
    public override string ToString() => Value switch
    {
        0 => "Created",
        1 => "Launched",
        2 => "Completed",
        3 => "Expired",
        4 => "CreatedFromTemplate",
        5 => "Declined",
        6 => "Deleted",
        _ => Value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a number or a numeric string; writes a number.</summary>
    public sealed class Converter : JsonConverter<WorkflowStatus>
    {
        /// <inheritdoc />
        public override WorkflowStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
            {
                return new WorkflowStatus(number);
            }

            if (reader.TokenType == JsonTokenType.String &&
                int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
            {
                return new WorkflowStatus(number);
            }

            throw new JsonException("Expected a numeric workflow status.");
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, WorkflowStatus value, JsonSerializerOptions options)
        {
            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            writer.WriteNumberValue(value.Value);
        }
    }
}
