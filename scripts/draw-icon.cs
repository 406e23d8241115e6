// Draws the packages' icon, src/icon.png (128 × 128 px), once: an organisation chart of a head above three
// departments, with a task force joining the three across their boundaries.
// Run from the repository root: dotnet run scripts/draw-icon.cs
#:property ManagePackageVersionsCentrally=false
#:package SkiaSharp@3.119.0
#:package SkiaSharp.NativeAssets.Linux.NoDependencies@3.119.0

using SkiaSharp;

const int Size = 128;
var path = args.Length > 0 ? args[0] : "src/icon.png";

using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
var canvas = surface.Canvas;
canvas.Clear(SKColors.Transparent);

using var background = new SKPaint { Color = new SKColor(0x1F, 0x3A, 0x5F), IsAntialias = true };
canvas.DrawRoundRect(new SKRect(0, 0, Size, Size), 20, 20, background);

using var line = new SKPaint { Color = SKColors.White, StrokeWidth = 6, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
var head = new SKPoint(64, 30);
SKPoint[] departments = [new(26, 92), new(64, 92), new(102, 92)];

// The hierarchy: the head's line down to a rail, and from the rail to each department.
canvas.DrawLine(head, new SKPoint(64, 60), line);
canvas.DrawLine(new SKPoint(26, 60), new SKPoint(102, 60), line);
foreach (var d in departments)
{
    canvas.DrawLine(new SKPoint(d.X, 60), d, line);
}

// The task force: an orange band across the departments.
using var band = new SKPaint { Color = new SKColor(0xE6, 0x9F, 0x00), StrokeWidth = 8, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
canvas.DrawLine(new SKPoint(14, 110), new SKPoint(114, 110), band);

using var node = new SKPaint { Color = SKColors.White, IsAntialias = true };
using var top = new SKPaint { Color = new SKColor(0x56, 0xB4, 0xE9), IsAntialias = true };
canvas.DrawCircle(head, 16, node);
canvas.DrawCircle(head, 10, top);
foreach (var d in departments)
{
    canvas.DrawCircle(d, 12, node);
}

using var image = surface.Snapshot();
using var data = image.Encode(SKEncodedImageFormat.Png, 100);
using (var file = File.Create(path))
{
    data.SaveTo(file);
}

Console.WriteLine($"{path}: {data.Size} bytes");
