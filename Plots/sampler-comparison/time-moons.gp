# time-moons: written by toy. Redraw with: gnuplot time-moons.gp
set terminal pngcairo size 1960,380 enhanced font 'DejaVu Sans,11'
set output 'time-moons.png'
set border lw 1.2
set tics out nomirror
set key top left opaque
set multiplot layout 1,5 title 'moons: wall time of sampling 2000 points (mean and 95% interval over 5 seeds)'
set logscale x
set xrange [6.9230769230769225:1300.0]
set grid lc rgb '#dddddd'
set autoscale yfix
set offsets 0, 0, graph 0.06, graph 0.06
set bars small
set title 'ddpm' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "seconds" font ',9'
set logscale y
set format y '10^{%T}'
set ytics auto
set key top left opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'time-moons.dat' index 0 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm', \
     'time-moons.dat' index 1 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'time-moons.dat' index 2 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#2ca02c' title 'ddim-eta1', \
     'time-moons.dat' index 3 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#d62728' title 'euler', \
     'time-moons.dat' index 4 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'time-moons.dat' index 5 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#8c564b' title 'dpm++2m'
set title 'vp' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "seconds" font ',9'
set logscale y
set format y '10^{%T}'
set ytics auto
set key top left opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'time-moons.dat' index 6 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddim', \
     'time-moons.dat' index 7 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'euler', \
     'time-moons.dat' index 8 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'time-moons.dat' index 9 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#8c564b' title 'dpm++2m', \
     'time-moons.dat' index 10 using 1:2:3:4 with yerrorlines lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'time-moons.dat' index 11 using 1:2:3:4 with yerrorlines lw 1.5 dt (12,4,2,4,2,4) pt 4 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'time-moons.dat' index 12 using 1:2:3:4 with yerrorlines lw 1.5 dt (16,6) pt 6 ps 0.6 lc rgb '#bcbd22' title 'ode'
set title 've' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "seconds" font ',9'
set logscale y
set format y '10^{%T}'
set ytics auto
set key top left opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'time-moons.dat' index 13 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'heun', \
     'time-moons.dat' index 14 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'time-moons.dat' index 15 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'time-moons.dat' index 16 using 1:2:3:4 with yerrorlines lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'ode'
set title 'subvp' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "seconds" font ',9'
set logscale y
set format y '10^{%T}'
set ytics auto
set key top left opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'time-moons.dat' index 17 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#e377c2' title 'reverse-sde', \
     'time-moons.dat' index 18 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'pc', \
     'time-moons.dat' index 19 using 1:2:3:4 with yerrorlines lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 'ode'
set title 'ncsn' font ',10'
set xlabel 'model evaluations (NFE)' font ',9'
set ylabel "seconds" font ',9'
set logscale y
set format y '10^{%T}'
set ytics auto
set key top left opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85
plot 'time-moons.dat' index 20 using 1:2:3:4 with yerrorlines lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#000000' title 'annealed-langevin', \
     'time-moons.dat' index 21 using 1:2:3:4 with yerrorlines lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#17becf' title 'langevin'
unset multiplot
unset output
