using Microsoft.Extensions.Options;

namespace CxReports.Server.Settings;

/// <summary>Checks the warehouse settings before the server starts (<see cref="WarehouseSettings.Validate"/>); written by the options validation source generator.</summary>
[OptionsValidator]
public sealed partial class WarehouseSettingsValidator : IValidateOptions<WarehouseSettings>;
