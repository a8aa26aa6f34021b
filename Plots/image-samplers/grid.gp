set terminal pngcairo size 1614,803 enhanced font 'DejaVu Sans,11'
set output 'grid.png'
set title 'the first 4 images of seed 0 (the same prior draw) by sampler and budget' offset 0,1
unset key
unset border
unset xtics
unset ytics
unset colorbox
set size ratio -1
set xrange [-0.5:477.5]
set yrange [-0.5:237]
set lmargin at screen 0.1
set palette grey
set cbrange [0:1]
set label 'ddpm' at -3,216.0 right font ',10'
set label 'ddim' at -3,187.0 right font ',10'
set label 'euler' at -3,158.0 right font ',10'
set label 'heun' at -3,129.0 right font ',10'
set label 'dpm++2m' at -3,100.0 right font ',10'
set label 'reverse-sde' at -3,71.0 right font ',10'
set label 'pc' at -3,42.0 right font ',10'
set label 'ode' at -3,13.0 right font ',10'
set label 'budget 10 / ode 1e-2' at 57.5,234 center font ',10'
set label 'budget 20 / ode 1e-3' at 178.5,234 center font ',10'
set label 'budget 50 / ode 1e-4' at 299.5,234 center font ',10'
set label 'budget 100' at 420.5,234 center font ',10'
plot 'grid.dat' using 1:2:3 with image
