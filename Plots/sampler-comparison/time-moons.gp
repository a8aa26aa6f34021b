# time-moons: written by toy. Redraw with: gnuplot time-moons.gp
set terminal pngcairo size 680,480 enhanced font 'DejaVu Sans,11'
set output 'time-moons.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set multiplot layout 1,1 title 'moons: wall time of sampling 5000 points'
set logscale x
set xlabel 'model evaluations (NFE)'
set key outside right top vertical font ',8' samplen 2 spacing 0.9
set grid lc rgb '#dddddd'
set ylabel 'seconds'
set logscale y
set format y '10^{%T}'
set ytics auto
set key
plot 'time-moons.dat' index 0 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm/ddpm', \
     'time-moons.dat' index 1 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddpm/ddim', \
     'time-moons.dat' index 2 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#2ca02c' title 'ddpm/ddim-eta1', \
     'time-moons.dat' index 3 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#d62728' title 'ddpm/euler', \
     'time-moons.dat' index 4 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'ddpm/heun', \
     'time-moons.dat' index 5 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#8c564b' title 'ddpm/dpm++2m', \
     'time-moons.dat' index 6 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'vp/ddim', \
     'time-moons.dat' index 7 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'vp/euler', \
     'time-moons.dat' index 8 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#9467bd' title 'vp/heun', \
     'time-moons.dat' index 9 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#8c564b' title 'vp/dpm++2m', \
     'time-moons.dat' index 10 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'vp/reverse-sde', \
     'time-moons.dat' index 11 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'vp/pc', \
     'time-moons.dat' index 12 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#bcbd22' title 'vp/ode', \
     'time-moons.dat' index 13 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 've/heun', \
     'time-moons.dat' index 14 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#e377c2' title 've/reverse-sde', \
     'time-moons.dat' index 15 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 've/pc', \
     'time-moons.dat' index 16 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 've/ode', \
     'time-moons.dat' index 17 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#e377c2' title 'subvp/reverse-sde', \
     'time-moons.dat' index 18 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#7f7f7f' title 'subvp/pc', \
     'time-moons.dat' index 19 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'subvp/ode', \
     'time-moons.dat' index 20 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#000000' title 'ncsn/annealed-langevin', \
     'time-moons.dat' index 21 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#17becf' title 'ncsn/langevin'
unset multiplot
unset output
