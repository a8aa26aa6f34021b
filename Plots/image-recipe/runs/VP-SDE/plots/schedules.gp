# schedules: written by toy. Redraw with: gnuplot schedules.gp
set terminal pngcairo size 1100,480 enhanced font 'DejaVu Sans,11'
set output 'schedules.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set multiplot layout 1,2 title 'noise schedules (T = 1000)'
set xlabel 't / T'
set ylabel 'ᾱ_t'
set yrange [0:1]
plot 'schedules.dat' index 0 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'linear', \
     'schedules.dat' index 1 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'cosine', \
     'schedules.dat' index 2 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'quadratic', \
     'schedules.dat' index 3 using 1:2 with lines lw 2 lc rgb '#9467bd' title 'sigmoid'
set ylabel 'log SNR = log(ᾱ/(1 − ᾱ))'
set yrange [*:*]
plot 'schedules.dat' index 0 using 1:3 with lines lw 2 lc rgb '#1f77b4' title 'linear', \
     'schedules.dat' index 1 using 1:3 with lines lw 2 lc rgb '#ff7f0e' title 'cosine', \
     'schedules.dat' index 2 using 1:3 with lines lw 2 lc rgb '#2ca02c' title 'quadratic', \
     'schedules.dat' index 3 using 1:3 with lines lw 2 lc rgb '#9467bd' title 'sigmoid'
unset multiplot
unset output
